package org.openbpo.tenancy;

public enum ClientStatus { ONBOARDING, ACTIVE, SUSPENDED, OFFBOARDED }
