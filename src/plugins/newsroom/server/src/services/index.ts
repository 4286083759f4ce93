import { feeds } from './feeds';
import { pageExtras } from './page-extras';
import { pages } from './pages';
import { publicationGuard } from './publication-guard';
import { rights } from './rights';
import { scheduler } from './scheduler';
import { site } from './site';
import { slugHistory } from './slug-history';
import { sitemaps } from './sitemaps';

export default { feeds, 'page-extras': pageExtras, pages, 'publication-guard': publicationGuard, rights, scheduler, site, sitemaps, 'slug-history': slugHistory };
