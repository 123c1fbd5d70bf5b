package org.smartproperty.platform.files.internal;

import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smartproperty.platform.files.FileContent;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.rest.Api;
import org.smartproperty.platform.rest.Caller;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;

/**
 * {@code /api/v1/files}: upload a file (the request body is the file itself), read its metadata,
 * content and thumbnail. The uploader reads their own uploads; attached files are readable by whom
 * the owning domain allows (its {@code FileAccessPolicy}); anyone else gets 404.
 */
@Component(service = FileResource.class)
@JaxrsResource
@JaxrsApplicationSelect(Api.APPLICATION_SELECT)
@JaxrsExtensionSelect(Api.JSON_SELECT)
@Path("files")
public class FileResource {

    @Reference
    private LocalFileStore store;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("file:upload")
    @Doc(summary = "Upload a file (PDF, JPEG or PNG, judged by content); the body is the file, ?name= its file name",
            requirements = "SUP-CO-2, SUP-OC-2, SVC-CMP-1",
            description = "Answers 201 with {id, name, contentType, size, sha256, width, height}; the name is cleaned (no path, "
                    + "markup, quotes or control characters, at most maxNameLength = 100 characters) and its extension follows the "
                    + "detected type. "
                    + "400 file: unsupported or damaged content (file.type, file.broken), a PDF with JavaScript or automatic actions "
                    + "(file.pdfActive) or with compressed objects that cannot be checked (file.pdfUnchecked); "
                    + "413 over the size limit (file.tooLarge, default 10 MB) or an image over maxImageMegapixels (file.pixels, default "
                    + "40, judged from its header before decoding); 503 file.busy when maxConcurrentDecodes (2) images are being "
                    + "decoded for decodeWaitSeconds (5). "
                    + "The file stays pending until a filing, complaint, repair or patrol "
                    + "attaches it by id; pending files are purged after 24 h.")
    public Response upload(InputStream body, @QueryParam("name") String name, @Context UriInfo uri, @Context SecurityContext sc) {
        StoredFile f = store.upload(body, name, Caller.of(sc).username());
        return Response.created(uri.getBaseUriBuilder().path("files").path(f.id()).build()).entity(f)
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("file:read")
    @Doc(summary = "Metadata of a file the caller may read", requirements = "SUP-CO-2")
    public StoredFile get(@PathParam("id") String id, @Context SecurityContext sc) {
        return store.get(Caller.of(sc), id);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission("file:read")
    @Doc(summary = "The file's bytes with its sniffed content type", requirements = "SUP-CO-2")
    public Response content(@PathParam("id") String id, @Context SecurityContext sc) {
        return serve(store.open(Caller.of(sc), id, false), false, store.maxNameLength());
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission("file:read")
    @Doc(summary = "A JPEG thumbnail of an image file (404 for PDFs)", requirements = "SVC-PAT-1")
    public Response thumbnail(@PathParam("id") String id, @Context SecurityContext sc) {
        return serve(store.open(Caller.of(sc), id, true), true, store.maxNameLength());
    }

    private static Response serve(FileContent content, boolean thumbnail, int maxNameLength) {
        StreamingOutput out = os -> {
            try (InputStream in = content.open()) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, content.contentType())
                .header("Content-Length", content.length())
                .header("Content-Disposition", disposition(content.file(), thumbnail, maxNameLength))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .header("ETag", "\"" + content.file().sha256() + (thumbnail ? "-t" : "") + "\"")
                .build();
    }

    /**
     * Issue 20 item 8: {@code attachment} (content) or {@code inline} (thumbnail, a JPEG) with the stored name cleaned
     * again (rows written before names were cleaned on upload) and its extension following the served type, as an ASCII
     * {@code filename} fallback plus the exact UTF-8 {@code filename*} (RFC 6266, RFC 5987).
     */
    static String disposition(StoredFile f, boolean thumbnail, int maxNameLength) {
        String type = thumbnail ? Sniffer.JPEG : f.contentType();
        return FileNames.contentDisposition(thumbnail ? "inline" : "attachment", FileNames.clean(f.name(), type, maxNameLength));
    }
}
