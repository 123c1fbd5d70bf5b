package org.smartproperty.service;

/** A photo report (随手拍, SVC-PAT-1): REPORTED, TASKED (part of a patrol task), CLOSED (the task's result was recorded). */
public enum PhotoReportStatus {
    REPORTED, TASKED, CLOSED
}
