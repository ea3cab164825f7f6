export { createApp, type CreateAppOptions } from './app.js';
export { startServer, type RunningServer, type StartServerOptions } from './server.js';
export {
  ApiError,
  errorBodySchema,
  errorStatuses,
  toErrorResponse,
  type ApiErrorCode,
  type ErrorBody,
} from './http-errors.js';
export { buildOpenApiDocument, routeDocs } from './openapi.js';
