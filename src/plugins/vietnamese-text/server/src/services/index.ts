import { normalizer } from './normalizer';
import { searchIndex } from './search-index';
import { slugRegistry } from './slug-registry';
import { slugs } from './slugs';

export default { normalizer, searchIndex, slugRegistry, slugs };
