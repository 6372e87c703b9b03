import '../../src/pdf/viewer.css';
import { mountViewer } from '../../src/pdf/viewer';

mountViewer(document.getElementById('app') as HTMLElement).catch((error: unknown) => console.error('[policy-glossary] viewer failed', error));
