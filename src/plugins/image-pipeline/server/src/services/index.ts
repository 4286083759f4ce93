import { altText } from './alt-text';
import { guard } from './guard';
import { processor } from './processor';
import { queue } from './queue';
import { regenerate } from './regenerate';

export default { altText, guard, processor, queue, regenerate };
