package org.smartproperty.expert;

/** Body of POST /expert-draws/{id}/confirmations/{seat}/confirm|decline (a decline needs the reason). */
public record DrawResponse(String reason) {
}
