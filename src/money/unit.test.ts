// Tests of the money units: conversion between 元, 万元 and 亿元, and the list of units.
import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount.js';
import { convertAmount, MONEY_UNITS, UNIT_IN_YUAN } from './unit.js';

const a = parseAmount;

describe('convertAmount', () => {
  describe('exactness past 20 significant digits', () => {
    it('converts units exactly, and not at all between equal units', () => {
      expect(convertAmount(a('123456789012345678.0123456789'), '亿元', '亿元')).toBe('123456789012345678.0123456789');
      expect(convertAmount(a('0.0000000001'), '亿元', '元')).toBe('0.01');
      expect(convertAmount(a('1'), '元', '亿元')).toBe('0.00000001');
    });
  });
});

describe('MONEY_UNITS and UNIT_IN_YUAN', () => {
  describe('units', () => {
    it('lists every unit, smallest first, with its size in 元', () => {
      expect(MONEY_UNITS).toEqual(['元', '万元', '亿元']);
      expect(MONEY_UNITS.map((u) => UNIT_IN_YUAN[u])).toEqual(['1', '10000', '100000000']);
    });
  });
});
