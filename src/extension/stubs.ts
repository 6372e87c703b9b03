// Writes a page's unknown slogans as glossary stubs (YAML) for an official to fill in: status
// editorial, empty definition, `unfinished: true` so `validate` warns and `build` leaves them out.
// Loaded on demand: it pulls in the pinyin slugger and the YAML writer.
import { stringify } from 'yaml';
import type { GlossaryFile, GlossaryPack } from '../core/types';
import { createSlugger } from '../import/slug';
import type { PageSlogan } from './messages';

/**
 * The YAML glossary file of stubs for `slogans` found on the page at `url` or in its frames (a
 * slogan's `pageUrl`): the file's source is the one page they all come from, else `url`, and a
 * stub found on another page names that page in its note.
 */
export function slogansToStubYaml(slogans: readonly PageSlogan[], url: string, pack: GlossaryPack | null): string {
  const slug = createSlugger(pack?.entries.map((e) => e.id) ?? []);
  const pages = new Set(slogans.map((slogan) => slogan.pageUrl ?? url));
  const source = pages.size === 1 ? [...pages][0] ?? url : url;
  const file: GlossaryFile = {
    source: { title: `网页 ${source}`, kind: 'editorial', url: source },
    entries: slogans.map((slogan) => ({
      id: slug(slogan.text),
      term: slogan.text,
      definition: '',
      note: `出现 ${slogan.count} 次${(slogan.pageUrl ?? url) === source ? '' : `（网页 ${slogan.pageUrl}）`}，如：${slogan.context}`,
      status: 'editorial',
      unfinished: true,
    })),
  };
  return stringify(file, { lineWidth: 0 });
}
