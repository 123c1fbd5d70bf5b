package org.smartproperty.estate;

/** Identity documents accepted for owners (rule ID-1): never assume an 18-digit mainland ID. */
public enum IdType {
    /** 居民身份证, 18 characters with an ISO 7064 MOD 11-2 check digit. */
    CN_RESIDENT_ID,
    /** 港澳台居民居住证, same format as the resident ID, area code 810000/820000/830000. */
    RESIDENCE_PERMIT,
    /** 澳门居民身份证, 7 digits and a check digit: 1234567(8). */
    MO_RESIDENT_ID,
    /** 香港身份证, one or two letters, 6 digits and a check character: A123456(7). */
    HK_RESIDENT_ID,
    /** 港澳居民来往内地通行证 (回乡证), H or M followed by 8 or 10 digits. */
    HKMO_TRAVEL_PERMIT,
    /** 台湾居民来往大陆通行证, 8 digits (10 for older ones). */
    TW_TRAVEL_PERMIT,
    /** Passport: 5 to 17 letters and digits. */
    PASSPORT
}
