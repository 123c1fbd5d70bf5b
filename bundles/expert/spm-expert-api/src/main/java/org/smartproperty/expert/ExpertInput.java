package org.smartproperty.expert;

import java.util.List;

/** An expert's record as a client sends it (POST /experts, POST /experts/applications, PUT /experts/{id}). */
public record ExpertInput(String name, String idNumber, String phone, List<String> specialties, String title, Long employerCompanyId,
                          String employerName, String accountName, List<Tie> ties) {
}
