export { ABRSearch } from './abr-search.entity';
