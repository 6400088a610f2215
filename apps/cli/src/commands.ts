import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasErrors,
  type ProcessDocument,
  parseProcess,
  type ValidationIssue,
  validateProcess,
} from '@junction/process-model';
import type { RunDocument } from '@junction/runtime';
import { executeProcess, succeeded } from '@junction/runtime';
import { type RunArgs, UsageError, type ValidateArgs } from './args.ts';
import { openCliGateway } from './cli-gateway.ts';
import { progressReporter, summaryLines } from './run-report.ts';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function readProcess(file: string): { document?: ProcessDocument; issues: ValidationIssue[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  const parsed = parseProcess(text);
  return parsed.ok
    ? { document: parsed.document, issues: validateProcess(parsed.document) }
    : { issues: parsed.issues };
}

function printIssues(io: Output, file: string, issues: readonly ValidationIssue[]): void {
  for (const issue of issues) {
    io.err(`${file}#${issue.pointer || '/'}: ${issue.severity}: ${issue.message} (${issue.code})`);
  }
}

/** `junction validate`: 0 when the process has no errors (warnings are printed). */
export function validateCommand(args: ValidateArgs, io: Output): number {
  const { issues } = readProcess(args.file);
  if (args.json) {
    io.out(JSON.stringify({ issues }, null, 2));
  } else {
    printIssues(io, args.file, issues);
    io.out(hasErrors(issues) ? `${args.file}: invalid` : `${args.file}: valid`);
  }
  return hasErrors(issues) ? 1 : 0;
}

function readInput(file: string): RunDocument[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ id: `input-${i + 1}`, data: line, properties: {} }));
}

/** `junction run`: executes the process and prints per-shape counts; 0 when it completes. */
export async function runCommand(
  args: RunArgs,
  io: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { document, issues } = readProcess(args.file);
  if (!document || hasErrors(issues)) {
    printIssues(io, args.file, issues);
    io.err(`${args.file}: not run, fix the errors first`);
    return 1;
  }
  const startDocuments = args.input ? readInput(args.input) : undefined;
  const { gateway, close } = await openCliGateway(args.connection, args.tokenEnv, env);
  const outputs = new Map<string, RunDocument[]>();
  const progress = progressReporter(document, io.err);
  try {
    const outcome = await executeProcess(document, {
      connectors: gateway,
      ...(startDocuments ? { startDocuments } : {}),
      listener: {
        shapeFinished: (shapeId, stats, result) => {
          progress(shapeId, stats);
          if (args.output && result) {
            outputs.set(shapeId, [
              ...(outputs.get(shapeId) ?? []),
              ...[...result.outputs.values()].flat(),
            ]);
          }
        },
      },
    });
    if (args.output) {
      mkdirSync(args.output, { recursive: true });
      for (const [shapeId, docs] of outputs) {
        writeFileSync(
          join(args.output, `${shapeId}.jsonl`),
          docs
            .map((d) => `${JSON.stringify({ data: d.data, properties: d.properties })}\n`)
            .join(''),
        );
      }
    }
    if (args.json) {
      io.out(
        JSON.stringify(
          { status: outcome.status, error: outcome.error ?? null, shapes: outcome.shapes },
          null,
          2,
        ),
      );
    } else {
      for (const line of summaryLines(document, outcome)) {
        io.out(line);
      }
    }
    return succeeded(outcome.status) ? 0 : 1;
  } finally {
    await close();
  }
}
