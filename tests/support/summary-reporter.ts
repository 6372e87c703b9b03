// Prints one plain closing line ("vitest: N passed, N failed, N skipped") that CI logs can read,
// after vitest's own report, preceded by every skipped test with its reason, so a skip is never
// mistaken for a pass. A reason is the note given to ctx.skip(note), or the "[skipped: …]" the test's
// name carries (it.skip has no note); a skip with neither is listed as having none.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private nameFilter = false;

  onInit(vitest: Vitest): void {
    // Under `-t`, every test the pattern leaves out counts as skipped: those are not listed.
    this.nameFilter = vitest.config.testNamePattern !== undefined;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skips: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed += 1;
        else if (result.state === 'failed') counts.failed += 1;
        else {
          counts.skipped += 1;
          const note = result.state === 'skipped' ? result.note : undefined;
          const reason = note ?? /\[skipped: ([^\]]+)\]/u.exec(test.name)?.[1] ?? 'NO REASON GIVEN';
          skips.push(`  skipped: ${testModule.relativeModuleId} > ${test.fullName} — ${reason}`);
        }
      }
    }
    if (this.nameFilter) {
      if (skips.length > 0) process.stdout.write(`\n${skips.length} test(s) not selected by the -t name filter\n`);
    } else if (skips.length > 0) {
      process.stdout.write(`\n${skips.join('\n')}\n`);
    }
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
