package org.smartproperty.inspection;

/** How a task's rule gives the objects to draw per risk level (SUP-DR-1, DR-2): a number, or a ratio in (0, 1]. */
public enum DrawMode {
    COUNT, RATIO
}
