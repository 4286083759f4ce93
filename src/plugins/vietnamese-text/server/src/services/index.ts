import { normalizer } from './normalizer';
import { slugRegistry } from './slug-registry';
import { slugs } from './slugs';

export default { normalizer, slugRegistry, slugs };
