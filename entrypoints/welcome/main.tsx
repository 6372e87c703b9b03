import { mountWelcome } from '../../src/extension/welcome';

mountWelcome(document.getElementById('app') as HTMLElement);
