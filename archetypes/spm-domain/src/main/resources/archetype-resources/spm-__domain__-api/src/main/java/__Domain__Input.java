package ${package};

/** What a client sends to create a ${labelEn} (the JSON body of POST /api/v1/${resourcePath}). */
public record ${Domain}Input(String title) {
}
