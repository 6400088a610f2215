import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

const PADDING = 0.1;

/**
 * Renders the whole process (not just the visible part) to PNG or SVG and
 * downloads it. The viewport is temporarily framed around every node.
 */
export async function exportImage(
  format: 'png' | 'svg',
  nodes: Node[],
  fileName: string,
): Promise<void> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) {
    return;
  }
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + 160);
  const height = Math.ceil(bounds.height + 160);
  const frame = getViewportForBounds(bounds, width, height, 0.2, 2, PADDING);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${frame.x}px, ${frame.y}px) scale(${frame.zoom})`,
    },
  };
  // Loaded on first export, so the editor does not carry it.
  const { toPng, toSvg } = await import('html-to-image');
  const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.${format}`;
  link.click();
}
