import { mountOptions } from '../../src/extension/options';

mountOptions(document.getElementById('app') as HTMLElement);
