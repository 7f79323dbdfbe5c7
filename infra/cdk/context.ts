/**
 * The deployment's settings, read from CDK context only (`cdk.json`, `-c key=value`), so a
 * synth is reproducible offline: no account lookups, nothing hard-coded per account.
 *
 * - `stage` (default `dev`): API stage name and part of every stack and resource name.
 * - `account`, `region` (default: none, an environment-agnostic template).
 * - `logLevel` (default `INFO`): POWERTOOLS_LOG_LEVEL of every function.
 * - `mailFrom` (default `no-reply@langson.gov.vn`): the address reminders are sent from.
 * - `sesIdentity` (default: the domain of `mailFrom`): the SES identity (a verified domain
 *   or address) the mail sender may send from, and nothing else.
 * - `publicBaseUrl` (default: the API stage's URL): the web app's address in messages;
 *   set it when the app is served under a domain of its own.
 */
import type { Environment } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MailContext {
  readonly from: string;
  readonly sesIdentity: string;
  /** Undefined: the API stage's URL. */
  readonly publicBaseUrl: string | undefined;
}

export interface PlatformContext {
  readonly stage: string;
  readonly env: Environment;
  readonly logLevel: LogLevel;
  readonly mail: MailContext;
}

/** The province's own domain; override with `-c mailFrom=…` for another deployment. */
export const DEFAULT_MAIL_FROM = 'no-reply@langson.gov.vn';

/** Lower case (it ends up in resource names, some of which refuse upper case), 2-16 chars. */
const STAGE = /^[a-z][a-z0-9-]{1,15}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ADDRESS = /^[^\s@<>]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const IDENTITY = /^([^\s@<>]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export class ContextError extends Error {
  override name = 'ContextError';
}

function optionalString(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ContextError(`context "${key}" must be a string`);
  return value;
}

export function readContext(scope: Construct): PlatformContext {
  const stage = optionalString(scope, 'stage') ?? 'dev';
  if (!STAGE.test(stage)) {
    throw new ContextError(`context "stage" must match ${String(STAGE)}, got "${stage}"`);
  }
  const account = optionalString(scope, 'account');
  if (account !== undefined && !ACCOUNT.test(account)) {
    throw new ContextError(`context "account" must be a 12-digit account id`);
  }
  const region = optionalString(scope, 'region');
  if (region !== undefined && !REGION.test(region)) {
    throw new ContextError(`context "region" must be a region name like ap-southeast-1`);
  }
  const logLevel = optionalString(scope, 'logLevel') ?? 'INFO';
  if (!isLogLevel(logLevel)) {
    throw new ContextError(`context "logLevel" must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return { stage, env: { account, region }, logLevel, mail: readMailContext(scope) };
}

function readMailContext(scope: Construct): MailContext {
  const from = optionalString(scope, 'mailFrom') ?? DEFAULT_MAIL_FROM;
  const domain = ADDRESS.exec(from)?.[1];
  if (!domain) {
    throw new ContextError(`context "mailFrom" must be an e-mail address, got "${from}"`);
  }
  const sesIdentity = optionalString(scope, 'sesIdentity') ?? domain;
  if (!IDENTITY.test(sesIdentity)) {
    throw new ContextError(`context "sesIdentity" must be a domain or an e-mail address`);
  }
  if (sesIdentity !== from && sesIdentity.toLowerCase() !== domain.toLowerCase()) {
    throw new ContextError(
      `context "mailFrom" (${from}) is not of the SES identity "${sesIdentity}"`,
    );
  }
  const publicBaseUrl = optionalString(scope, 'publicBaseUrl');
  if (publicBaseUrl !== undefined && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(publicBaseUrl)) {
    throw new ContextError(`context "publicBaseUrl" must be an https:// URL`);
  }
  return { from, sesIdentity, publicBaseUrl };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
