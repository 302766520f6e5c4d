import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, type VeilleDb } from '../../../lib/storage/db';
import { guideOf, saveGuide } from '../../../lib/storage/queries';
import { demoGuide } from '../../../lib/replies/demo-guide';
import { GuideError } from '../../../lib/replies/guide';

let db: VeilleDb | null = null;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

describe('style guides in IndexedDB', () => {
  test('save and read back the demo guide, unchanged', async () => {
    db = openDb(`veille-guides-${n++}`);
    const g = demoGuide();
    await saveGuide(db, g);
    expect(await guideOf(db, g.brandId)).toEqual(g);
    expect(await guideOf(db, 'nobody')).toBeNull();
  });
  test('an invalid guide is refused with the field named, and the stored one is unchanged', async () => {
    db = openDb(`veille-guides-${n++}`);
    const g = demoGuide();
    await saveGuide(db, g);
    const bad = { ...demoGuide(), templates: [{ ...g.templates[0]!, text: 42 }] };
    await expect(saveGuide(db, bad)).rejects.toThrow(GuideError);
    await expect(saveGuide(db, bad)).rejects.toThrow(/templates\[0\]\.text/u);
    expect(await guideOf(db, g.brandId)).toEqual(g);
  });
});
