import { mountPopup } from '../../src/extension/popup';

mountPopup(document.getElementById('app') as HTMLElement);
