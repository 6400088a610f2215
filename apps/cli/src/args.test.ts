import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

describe('junction command line', () => {
  it('reads options as "--name value" and "--name=value"', () => {
    const spaced = parseArgs(['run', 'p.json', '--input', 'in.jsonl', '--connection', 'sandbox']);
    const joined = parseArgs(['run', 'p.json', '--input=in.jsonl', '--connection=sandbox']);
    expect(joined).toEqual(spaced);
    expect(joined).toMatchObject({ command: 'run', file: 'p.json', input: 'in.jsonl' });
  });

  it('answers --help, -h and --version before anything else is judged', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['run', '-h'])).toEqual({ command: 'help' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it('refuses unknown commands and options, run-only options on validate, and missing values', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['deploy', 'p.json'])).toThrow('Unknown command "deploy"');
    expect(() => parseArgs(['run', 'p.json', '--token', 'x'])).toThrow(/--token/);
    expect(() => parseArgs(['validate', 'p.json', '--input', 'x'])).toThrow(
      'Unknown option --input for "validate"',
    );
    expect(() => parseArgs(['run', 'p.json', '--input'])).toThrow(/--input/);
    expect(() => parseArgs(['run', 'a.json', 'b.json'])).toThrow('takes one process file, got 2');
  });

  it('reads the worker options and refuses them, or a file, where they do not belong', () => {
    expect(parseArgs(['worker'])).toEqual({
      command: 'worker',
      concurrency: 4,
      perAccount: undefined,
      graceMs: undefined,
      metricsPort: undefined,
    });
    expect(
      parseArgs(['worker', '--concurrency=8', '--per-account', '2', '--grace-ms', '500']),
    ).toEqual({
      command: 'worker',
      concurrency: 8,
      perAccount: 2,
      graceMs: 500,
      metricsPort: undefined,
    });
    expect(parseArgs(['worker', '--metrics-port', '9400'])).toMatchObject({ metricsPort: 9400 });
    expect(() => parseArgs(['worker', '--concurrency', '0'])).toThrow(/positive whole number/);
    expect(() => parseArgs(['worker', 'p.json'])).toThrow('"worker" takes no file.');
    expect(() => parseArgs(['worker', '--input', 'x'])).toThrow('Unknown option --input');
    expect(() => parseArgs(['run', 'p.json', '--concurrency', '2'])).toThrow(
      'Unknown option --concurrency for "run"',
    );
  });
});
