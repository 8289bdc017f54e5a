package io.callisto.persistence;

/** A row of a contact's list table (a phone, an email): its value at a place in the contact's list. */
interface ContactItem {
    String contactId();

    int idx();

    String value();

    void value(String value);
}
