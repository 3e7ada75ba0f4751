// The plan's tables collapse identical consecutive years into one row
// (2027–2060): which years run together, and where a run must break.
import { describe, expect, test } from 'vitest';
import { yearRunLabel, yearRuns } from '@cnms/report';

describe('yearRuns', () => {
    const years = [2024, 2025, 2026, 2027, 2028, 2029];
    test('equal rows in consecutive years are one run, labelled first–last', () => {
        const rows = ['10', '10', '9', '8', '8', '8'];
        const runs = yearRuns(years, i => rows[i]);
        expect(runs).toEqual([
            { first: 2024, last: 2025, index: 0 },
            { first: 2026, last: 2026, index: 2 },
            { first: 2027, last: 2029, index: 3 }
        ]);
        expect(runs.map(yearRunLabel)).toEqual(['2024–2025', '2026', '2027–2029']);
    });

    test('a year left out breaks nothing around it but is not shown; a gap in the years breaks a run', () => {
        expect(yearRuns(years, i => (i === 0 ? undefined : '5'))).toEqual([{ first: 2025, last: 2029, index: 1 }]);
        expect(yearRuns([2024, 2025, 2027], () => '5')).toEqual([
            { first: 2024, last: 2025, index: 0 },
            { first: 2027, last: 2027, index: 2 }
        ]);
    });

    test('a year marked alone (the first missed year) is a row of its own, even among equal rows', () => {
        const runs = yearRuns(
            years,
            () => 'same',
            i => years[i] === 2027
        );
        expect(runs.map(yearRunLabel)).toEqual(['2024–2026', '2027', '2028–2029']);
    });

    test('rows compared as exact strings: 1.0 is not 1', () => {
        const rows = ['1', '1.0'];
        expect(yearRuns([2024, 2025], i => rows[i]).map(yearRunLabel)).toEqual(['2024', '2025']);
    });
});
