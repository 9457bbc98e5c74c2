import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvLine, toPlover } from './index.ts';

test('CSV fields are quoted only when needed, quotes doubled', () => {
  assert.equal(csvField('دمشق'), 'دمشق');
  assert.equal(csvField('قال: "لن نتراجع"'), '"قال: ""لن نتراجع"""');
  assert.equal(csvField('سطر\nسطر'), '"سطر\nسطر"');
  assert.equal(csvField('أ، ب, ج'), '"أ، ب, ج"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(true), 'true');
  assert.equal(csvLine(['a', 1, undefined]), 'a,1,\r\n');
});

test('PLOVER records: actor/recipient objects, event list, date, citation', () => {
  const r = toPlover(
    {
      article: 'x1',
      type: 'PROTEST',
      source_name: 'متظاهرون',
      source_country: 'IRQ',
      source_role: 'CVL',
      target_name: null,
      target_country: null,
      trigger: 'تظاهر',
      text: 'تظاهر آلاف',
      date: null,
      pub_date: '2018-07-15',
      location: 'البصرة',
      location_country: 'IRQ',
      start: 10,
      end: 15,
    },
    1,
  );
  assert.equal(r.id, 'x1-1');
  assert.equal(r.date, '2018-07-15');
  assert.deepEqual(r.actor, [{ code: 'IRQ', sector: 'CVL', entity_text: 'متظاهرون' }]);
  assert.deepEqual(r.recipient, []);
  assert.deepEqual(r.event, ['PROTEST']);
  assert.deepEqual(r.event_loc, { name: 'البصرة', country: 'IRQ' });
});
