export { buildApp, type BuildAppOptions } from './app';
export { loadApiConfig, ApiConfigError, type ApiConfig } from './config';
