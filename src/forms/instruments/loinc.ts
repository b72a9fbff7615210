/**
 * LOINC's notice. The instruments carry LOINC codes (panels, questions, answers), and LOINC's
 * licence (https://loinc.org/license/) asks that whatever ships its codes carry this notice: it is
 * part of every instrument record (`Instrument.loincNotice`), of every page that carries the codes
 * (`ResolvedPage.loincNotice`), and of the README.
 */
export const LOINC_NOTICE =
  'This material contains content from LOINC® (https://loinc.org). LOINC is copyright © 1995-2026, Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the license at https://loinc.org/license/. LOINC® is a registered United States trademark of Regenstrief Institute, Inc.';
