package org.smartproperty.survey;

/** SINGLE / MULTIPLE choice among the question's options, SCORE 1–5, free TEXT (shown to the regulator only). */
public enum QuestionKind { SINGLE, MULTIPLE, SCORE, TEXT }
