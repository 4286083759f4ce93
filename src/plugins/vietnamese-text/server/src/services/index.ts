import { normalizer } from './normalizer';
import { search } from './search';
import { searchIndex } from './search-index';
import { slugRegistry } from './slug-registry';
import { slugs } from './slugs';

export default { normalizer, search, searchIndex, slugRegistry, slugs };
