package org.smartproperty.dev.demodata.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.DataScope;

/** Helpers the per-domain seeders share: the seeded demo estates in project-code order, and demo files. */
final class DemoEstates {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private DemoEstates() {
    }

    /** The demo estates ({@code HQ-DEMO-nnn}) present, in project-code order (the first is 澳门新街坊). */
    static List<Estate> list(EstateService estates) {
        List<Estate> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<Estate> page = estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.of(p, PageRequest.MAX_SIZE));
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return all.stream().filter(e -> e.projectCode() != null && e.projectCode().startsWith(HengqinDataSet.PROJECT_CODE_PREFIX))
                .sorted(Comparator.comparing(Estate::projectCode)).toList();
    }

    /** A small PDF uploaded by {@code uploader}, attached under {@code title}. */
    static AttachmentInput pdf(FileStore files, String uploader, String title, String name) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), name, uploader).id());
    }
}
