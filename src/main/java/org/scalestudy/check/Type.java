package org.scalestudy.check;

/** The type of an expression; ERROR stands for one already reported. */
enum Type {
    NUMBER("a number"), BOOLEAN("a condition"), TEXT("text"), ERROR("?");

    final String description;

    Type(String description) {
        this.description = description;
    }
}
