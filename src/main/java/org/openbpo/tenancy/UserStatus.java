package org.openbpo.tenancy;

public enum UserStatus { ACTIVE, DISABLED }
