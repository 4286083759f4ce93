import { feeds } from './feeds';
import { pages } from './pages';
import { scheduler } from './scheduler';
import { site } from './site';
import { sitemaps } from './sitemaps';

export default { feeds, pages, scheduler, site, sitemaps };
