/**
 * The GitHub Actions files shipped for catalog repositories, as the workflow tests read them: the
 * workflows `plumbline init` copies (templates/catalog/.github/workflows/, or the folder
 * PLUMBLINE_WORKFLOWS_DIR names) and Plumbline's composite action (action/action.yml, or the file
 * PLUMBLINE_ACTION_FILE names), which those workflows use from the installed package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './site.ts';

export const WORKFLOWS_DIR = process.env.PLUMBLINE_WORKFLOWS_DIR || join(PROJECT_ROOT, 'templates/catalog/.github/workflows');
export const ACTION_FILE = process.env.PLUMBLINE_ACTION_FILE || join(PROJECT_ROOT, 'action/action.yml');

/** How a workflow uses the action installed with plumbline: from the base checkout, or from the workspace. */
export const ACTION_USES = { base: './base/node_modules/plumbline/action', workspace: './node_modules/plumbline/action' } as const;
/** A `uses:` of the installed action, from whichever folder plumbline was installed in. */
export const INSTALLED_ACTION = /^\.\/(?:([\w.-]+(?:\/[\w.-]+)*)\/)?node_modules\/plumbline\/action$/;

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}
/** A step of a workflow job or of the composite action: the one shape both are read as. */
export interface WorkflowStep {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}
export interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: WorkflowStep[] };
}

/** A YAML file of this kind, parsed strictly (a repeated key is an error, as on GitHub). */
export const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8'), { strict: true, uniqueKeys: true }) as T;
export const readAction = (): Action => readYaml<Action>(ACTION_FILE);

/** The command an action step is for: its `if:` must be `inputs.command == '…'`, or absent (every command). */
export function stepCommand(step: WorkflowStep): string | undefined {
  if (step.if === undefined) return undefined;
  const match = /^inputs\.command == '([\w-]+)'$/.exec(step.if.trim());
  if (!match) throw new Error(`the action step "${step.name}" has an if: the tests do not read: ${step.if}`);
  return match[1];
}

/** The action's steps that run for a command, in order. */
export const stepsFor = (action: Action, command: string) => action.runs.steps.filter((step) => [undefined, command].includes(stepCommand(step)));

/** The action's inputs for a `with:`: what it gives, else each input's default. */
export function inputsOf(action: Action, given: Record<string, unknown> | undefined): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (given?.[name] !== undefined) inputs[name] = String(given[name]);
    else if (input.default !== undefined) inputs[name] = input.default;
  }
  return inputs;
}
