export { createServer, DEFAULT_HOST, DEFAULT_MAX_BODY, type ServerOptions } from "./server.js";
export { accessProblem, MIN_TOKEN_LENGTH } from "./access.js";
