import { altText } from './alt-text';
import { guard } from './guard';
import { processor } from './processor';
import { queue } from './queue';
import { regenerate } from './regenerate';
import { urlImport } from './url-import';

export default { altText, guard, processor, queue, regenerate, urlImport };
