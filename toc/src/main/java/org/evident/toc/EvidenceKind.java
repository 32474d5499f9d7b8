package org.evident.toc;

/** What a piece of evidence about an outcome is: a coded finding, or an indicator's verdict. */
public enum EvidenceKind {
    FINDING,
    INDICATOR
}
