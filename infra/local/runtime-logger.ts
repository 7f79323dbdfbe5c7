/** The local runtime's own log lines, in the same Powertools JSON as the handlers'. */
import { Logger } from '@aws-lambda-powertools/logger';

const logger = new Logger({ serviceName: 'local-runtime' });

type Attributes = Record<string, unknown>;

/** The narrow logging interface the gateway, bus and scheduler take. */
export const runtimeLogger = {
  info: (message: string, attributes: Attributes = {}) => logger.info(message, attributes),
  warn: (message: string, attributes: Attributes = {}) => logger.warn(message, attributes),
  error: (message: string, attributes: Attributes = {}) => logger.error(message, attributes),
};
