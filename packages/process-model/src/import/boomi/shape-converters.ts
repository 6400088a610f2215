import { defaultShape } from '../../catalog/shape-catalog.ts';
import { own } from '../../own.ts';
import type { ComparisonOperator, ParameterValue } from '../../schema/common.ts';
import type { Shape, ShapeKind } from '../../schema/shapes.ts';
import { attribute, childNamed, childrenNamed, type XmlElement } from './read-xml.ts';

/** What one Boomi shape becomes: a shape here (with the config parts lost), or nothing. */
export type ConvertedShape =
  | { ok: true; shape: Shape; lost: string[] }
  | { ok: false; reason: string };

/** Everything a converter may read about one Boomi shape. */
export interface ShapeSource {
  shapetype: string;
  /** The element inside `<configuration>` (e.g. `<branch numBranches="3"/>`), if any. */
  config: XmlElement | undefined;
  /** The dragpoint identifiers of the shape's outgoing paths, in document order. */
  identifiers: string[];
}

type Converter = (source: ShapeSource) => ConvertedShape;

function kept(shape: Shape, lost: string[] = []): ConvertedShape {
  return { ok: true, shape, lost };
}

function attr(el: XmlElement | undefined, name: string): string {
  return el ? (attribute(el, name) ?? '') : '';
}

function childText(el: XmlElement | undefined, name: string): string {
  const child = el ? childNamed(el, name) : undefined;
  return child ? child.text : '';
}

/** A Boomi `parametervalue`/`decisionvalue` as a parameter here, when it is static or a document property. */
export function parameterValue(el: XmlElement): ParameterValue | undefined {
  const type = attribute(el, 'valueType');
  const staticParam = childNamed(el, 'staticparameter');
  if (type === 'static' && staticParam) {
    return { type: 'static', value: attribute(staticParam, 'staticproperty') ?? '' };
  }
  const track = childNamed(el, 'trackparameter');
  const id = track ? (attribute(track, 'propertyId') ?? '') : '';
  if (type === 'track' && id.startsWith('dynamicdocument.') && id.length > 16) {
    return { type: 'document-property', name: id.slice('dynamicdocument.'.length) };
  }
  return undefined;
}

/** A `{n}` parameter list, in document order (which is what numbers them); `lost` names what did not convert. */
function parameters(el: XmlElement | undefined, list: string, lost: string[]): ParameterValue[] {
  const holder = el ? childNamed(el, list) : undefined;
  const result: ParameterValue[] = [];
  for (const [i, child] of (holder?.children ?? []).entries()) {
    const value = parameterValue(child);
    if (value) {
      result.push(value);
    } else {
      lost.push(`parameter {${i + 1}} (${attribute(child, 'valueType') ?? 'unknown'} value)`);
    }
  }
  return result;
}

/** The default shape of a kind whose Boomi configuration is not carried over. */
function withoutConfig(kind: ShapeKind, what: string): Converter {
  return ({ config }) =>
    kept(
      defaultShape(kind),
      config && config.children.length + Object.keys(config.attributes).length > 0 ? [what] : [],
    );
}

const COMPARISONS: Readonly<Record<string, ComparisonOperator>> = {
  equals: 'equals',
  notequals: 'not-equals',
  greaterthan: 'gt',
  greaterthanorequal: 'ge',
  lessthan: 'lt',
  lessthanorequal: 'le',
  regex: 'regex',
  wildcard: 'wildcard',
};

const decision: Converter = ({ config }) => {
  const shape = defaultShape('decision');
  const lost: string[] = [];
  const operator = own(COMPARISONS, attr(config, 'comparison').toLowerCase());
  if (operator) {
    shape.config.operator = operator;
  } else if (attr(config, 'comparison') !== '') {
    lost.push(`comparison “${attr(config, 'comparison')}”`);
  }
  const values = config ? childrenNamed(config, 'decisionvalue') : [];
  const [left, right] = values.map(parameterValue);
  if (left) {
    shape.config.left = left;
  } else if (values[0]) {
    lost.push('first value');
  }
  if (right) {
    shape.config.right = right;
  } else if (values[1]) {
    lost.push('second value');
  }
  return kept(shape, lost);
};

const branch: Converter = ({ config, identifiers }) => {
  const shape = defaultShape('branch');
  const declared = Number.parseInt(attr(config, 'numBranches'), 10);
  const used = identifiers.map((id) => Number.parseInt(id, 10)).filter(Number.isFinite);
  shape.config.count = Number.isFinite(declared) ? declared : Math.max(2, ...used);
  return kept(shape);
};

const route: Converter = ({ identifiers }) => {
  const shape = defaultShape('route');
  shape.config.keys = identifiers.filter((id) => id !== '' && id !== 'default');
  return kept(shape, ['the value routed on (set it in Options)']);
};

const stop: Converter = ({ config }) => {
  const shape = defaultShape('stop');
  shape.config.endAndReturn = attr(config, 'continue') === 'false';
  return kept(shape);
};

const tryCatch: Converter = ({ config }) => {
  const shape = defaultShape('try-catch');
  const retries = Number.parseInt(attr(config, 'retryCount'), 10);
  shape.config.retryCount = Number.isFinite(retries) ? Math.min(5, Math.max(0, retries)) : 0;
  shape.config.trigger = attr(config, 'catchAll') === 'true' ? 'all' : 'document';
  return kept(shape);
};

const message: Converter = ({ config }) => {
  const shape = defaultShape('message');
  shape.config.text = childText(config, 'msgTxt');
  shape.config.combineDocuments = attr(config, 'combined') === 'true';
  const lost: string[] = [];
  shape.config.parameters = parameters(config, 'msgParameters', lost);
  return kept(shape, lost);
};

const LEVELS = { INFO: 'info', WARNING: 'warning', ERROR: 'error' } as const;

const notify: Converter = ({ config }) => {
  const shape = defaultShape('notify');
  shape.config.title = attr(config, 'title');
  shape.config.text = childText(config, 'notifyMessage');
  shape.config.level = own(LEVELS, attr(config, 'level').toUpperCase()) ?? 'info';
  shape.config.oncePerExecution = attr(config, 'perExecution') === 'true';
  const lost: string[] = [];
  shape.config.parameters = parameters(config, 'notifyParameters', lost);
  return kept(shape, lost);
};

const exception: Converter = ({ config }) => {
  const shape = defaultShape('exception');
  shape.config.title = attr(config, 'title');
  shape.config.text = childText(config, 'exMessage');
  shape.config.stopEntireProcess = attr(config, 'stopsingledoc') !== 'true';
  const lost: string[] = [];
  shape.config.parameters = parameters(config, 'exParameters', lost);
  return kept(shape, lost);
};

const returnDocuments: Converter = ({ config }) => {
  const shape = defaultShape('return-documents');
  shape.config.label = attr(config, 'label').slice(0, 200);
  return kept(shape);
};

const processCall: Converter = ({ config, identifiers }) => {
  const shape = defaultShape('process-call');
  shape.config.wait = attr(config, 'wait') !== 'false';
  shape.config.abortOnFailure = attr(config, 'abort') !== 'false';
  shape.config.returnPaths = identifiers.filter((id) => id !== '' && id !== 'default');
  const target = attr(config, 'processId');
  return kept(
    shape,
    target === '' ? [] : [`called Boomi process ${target} (pick the process here)`],
  );
};

const flowControl: Converter = ({ config }) => {
  const shape = defaultShape('flow-control');
  const units = Number.parseInt(attr(config, 'fibers'), 10);
  if (Number.isFinite(units) && units > 1) {
    shape.config.parallelUnits = Math.min(units, 10);
  }
  const batch = Number.parseInt(attr(config, 'forEachCount'), 10);
  if (attr(config, 'forEach') === 'true') {
    shape.config.batching = Number.isFinite(batch) && batch > 1 ? 'batch' : 'per-document';
    if (shape.config.batching === 'batch') {
      shape.config.batchSize = batch;
    }
  }
  return kept(shape);
};

/** Boomi shapetype → how it becomes a shape here. Connector shapes are handled apart. */
export const SHAPE_CONVERTERS: Readonly<Record<string, Converter>> = {
  map: withoutConfig('map', 'the map component and its field mappings'),
  documentproperties: withoutConfig('set-properties', 'the property assignments'),
  message,
  notify,
  programcommand: withoutConfig('program-command', 'the command'),
  processcall: processCall,
  dataprocess: withoutConfig('data-process', 'the processing steps'),
  findchanges: withoutConfig('find-changes', 'the cache and key'),
  doccacheload: withoutConfig('add-to-cache', 'the document cache'),
  doccacheretrieve: withoutConfig('retrieve-from-cache', 'the document cache'),
  doccacheremove: withoutConfig('remove-from-cache', 'the document cache'),
  branch,
  route,
  cleanse: withoutConfig('cleanse', 'the field rules'),
  decision,
  exception,
  stop,
  returndocuments: returnDocuments,
  flowcontrol: flowControl,
  businessrules: withoutConfig('business-rules', 'the rules'),
  catcherrors: tryCatch,
  trycatch: tryCatch,
};

/** Boomi path identifiers (dragpoint `identifier`) → this product's port ids, per kind. */
export function portFor(kind: ShapeKind, identifier: string): string {
  const id = identifier.trim();
  const lower = id.toLowerCase();
  switch (kind) {
    case 'try-catch':
      return lower === 'error' || lower === 'catch' ? 'catch' : 'try';
    case 'business-rules':
    case 'cleanse':
    case 'find-changes':
      return lower;
    case 'decision':
      return lower;
    case 'branch':
    case 'route':
      return id === '' ? 'default' : id;
    case 'process-call':
      return id === '' ? 'default' : id;
    default:
      return 'default';
  }
}
