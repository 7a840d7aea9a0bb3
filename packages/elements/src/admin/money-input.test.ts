import { expect } from '@open-wc/testing';
import {
  formatMinorUnits,
  formatPercentInput,
  minorDigits,
  parseBasisPoints,
  parseMinorUnits,
} from './money-input.js';

const value = (parsed: ReturnType<typeof parseMinorUnits>) => (parsed.ok ? parsed.value : parsed.problem);

describe('money-input', () => {
  it('knows each currency’s minor unit', () => {
    expect([minorDigits('USD'), minorDigits('JPY'), minorDigits('BHD')]).to.deep.equal([2, 0, 3]);
  });

  it('turns major units into exact minor units without float errors', () => {
    expect(value(parseMinorUnits('0.29', 'USD', 'en-US'))).to.equal(29); // 0.29 * 100 = 28.999999999999996
    expect(value(parseMinorUnits('1.005', 'BHD', 'en-US'))).to.equal(1005);
    expect(value(parseMinorUnits('19.99', 'USD', 'en-US'))).to.equal(1999);
    expect(value(parseMinorUnits('1,234.5', 'USD', 'en-US'))).to.equal(123450);
    expect(value(parseMinorUnits(' 12 ', 'USD', 'en-US'))).to.equal(1200);
    expect(value(parseMinorUnits('12.', 'USD', 'en-US'))).to.equal(1200);
    expect(value(parseMinorUnits('12.500', 'USD', 'en-US'))).to.equal(1250);
    expect(value(parseMinorUnits('007.10', 'USD', 'en-US'))).to.equal(710);
    expect(value(parseMinorUnits('1500', 'JPY', 'ja-JP'))).to.equal(1500);
    expect(value(parseMinorUnits('1234567890123.45', 'USD', 'en-US'))).to.equal(123456789012345);
  });

  it('reads the locale’s own separators, and a plain dot anywhere', () => {
    expect(value(parseMinorUnits('1.234,56', 'EUR', 'de-DE'))).to.equal(123456);
    expect(value(parseMinorUnits('12,5', 'EUR', 'de-DE'))).to.equal(1250);
    expect(value(parseMinorUnits('12.50', 'EUR', 'de-DE'))).to.equal(1250);
    expect(value(parseMinorUnits('1 234,56', 'EUR', 'fr-FR'))).to.equal(123456);
  });

  it('refuses what it cannot read exactly', () => {
    expect(value(parseMinorUnits('', 'USD', 'en-US'))).to.equal('empty');
    expect(value(parseMinorUnits('abc', 'USD', 'en-US'))).to.equal('format');
    expect(value(parseMinorUnits('-5', 'USD', 'en-US'))).to.equal('format');
    expect(value(parseMinorUnits('1e3', 'USD', 'en-US'))).to.equal('format');
    expect(value(parseMinorUnits('12,5', 'USD', 'en-US'))).to.equal('format');
    expect(value(parseMinorUnits('1,23,456', 'USD', 'en-US'))).to.equal('format');
    expect(value(parseMinorUnits('12.345', 'USD', 'en-US'))).to.equal('precision');
    expect(value(parseMinorUnits('12.5', 'JPY', 'en-US'))).to.equal('precision');
    expect(value(parseMinorUnits('10000000000000', 'USD', 'en-US'))).to.equal('too-large');
    expect(value(parseMinorUnits('1000.01', 'USD', 'en-US', 100000))).to.equal('too-large');
  });

  it('turns percentages into basis points', () => {
    expect(value(parseBasisPoints('12.5', 'en-US'))).to.equal(1250);
    expect(value(parseBasisPoints('0.07', 'en-US'))).to.equal(7);
    expect(value(parseBasisPoints('100', 'en-US'))).to.equal(10000);
    expect(value(parseBasisPoints('100.01', 'en-US'))).to.equal('too-large');
    expect(value(parseBasisPoints('12.505', 'en-US'))).to.equal('precision');
  });

  it('writes amounts back for editing', () => {
    expect(formatMinorUnits(1250, 'USD', 'en-US')).to.equal('12.50');
    expect(formatMinorUnits(5, 'USD', 'en-US')).to.equal('0.05');
    expect(formatMinorUnits(1500, 'JPY', 'en-US')).to.equal('1500');
    expect(formatMinorUnits(123456, 'EUR', 'de-DE')).to.equal('1234,56');
    expect(formatPercentInput(1250, 'en-US')).to.equal('12.5');
    expect(formatPercentInput(1000, 'en-US')).to.equal('10');
    expect(formatPercentInput(7, 'en-US')).to.equal('0.07');
  });
});
