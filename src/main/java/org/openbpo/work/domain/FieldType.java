package org.openbpo.work.domain;

public enum FieldType { TEXT, LONG_TEXT, NUMBER, DECIMAL, DATE, EMAIL, BOOLEAN, CHOICE }
