// Feature names of yente's scoring algorithms (nomenklatura's logic-v1, logic-v2, name-based, name-qualified,
// regression-v1/v2/v3, ofac, er-unstable and their earlier versions: the `Feature(func=...)` names of
// nomenklatura/matching/*/model.py). yente ignores a `weights` entry it has no feature for; so do we for these
// names, which existing clients may send, while any other name is refused as a likely typo.
export const YENTE_FEATURE_NAMES: ReadonlySet<string> = new Set([
  // the example of yente's own OpenAPI description of `weights`
  'name_literal',
  'address_entity_match', 'address_match', 'address_number_disagreement', 'address_number_overlap',
  'address_numbers', 'address_prop_match', 'bic_code_match', 'birth_place', 'both_have_dob', 'contact_match',
  'countries_disjoint', 'country_mismatch', 'crypto_wallet_address', 'dob_day_disjoint', 'dob_match', 'dob_matches',
  'dob_similarity', 'dob_year_disjoint', 'dob_year_match', 'dob_year_matches', 'email_match', 'family_name_match',
  'first_name_match', 'gender_mismatch', 'identifier_disjoint', 'identifier_match', 'inn_code_match',
  'isin_security_match', 'jaro_name_parts', 'last_name_mismatch', 'legal_name_levenshtein', 'lei_code_match',
  'name_fingerprint_levenshtein', 'name_jaro_winkler', 'name_levenshtein', 'name_literal_match', 'name_match',
  'name_metaphone_match', 'name_numbers', 'name_part_soundex', 'name_soundex_match', 'name_token_overlap',
  'npi_code_match', 'numbers_mismatch', 'obj_name_levenshtein', 'ofac_name_score', 'ogrn_code_match',
  'org_country_mismatch', 'org_identifier_match', 'org_name_levenshtein', 'org_obj_country_match', 'orgid_disjoint',
  'per_country_mismatch', 'person_name_jaro_winkler', 'person_name_levenshtein', 'person_name_phonetic_match',
  'phone_match', 'pos_country_mismatch', 'position_country_match', 'security_isin_match', 'security_isin_mismatch',
  'soundex_jaro_name_parts', 'soundex_name_parts', 'strong_identifier_match', 'uei_code_match',
  'vessel_imo_mmsi_match', 'weak_alias_match', 'weak_identifier_match',
]);
