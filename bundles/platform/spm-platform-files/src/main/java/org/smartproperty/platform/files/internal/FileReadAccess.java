package org.smartproperty.platform.files.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.StoredFile;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may read a stored file: its uploader, or whoever the {@link FileAccessPolicy} of an owner kind
 * it is attached to lets read it (registered outside OSGi, looked up as services inside). Part of
 * {@link FileStoreImpl}, split along its duties (issue 10 item 5).
 */
final class FileReadAccess {

    private static final Logger LOG = LoggerFactory.getLogger(FileReadAccess.class);

    private final FileStoreImpl owner;
    private final Map<String, FileAccessPolicy> policies = new ConcurrentHashMap<>();

    FileReadAccess(FileStoreImpl owner) {
        this.owner = owner;
    }

    /** Registers a policy outside OSGi (tests); inside, policies are looked up as services when a file is read. */
    public void addPolicy(FileAccessPolicy policy, Map<String, Object> props) {
        Object kind = props.get(FileAccessPolicy.OWNER_KIND);
        if (kind != null) {
            policies.put(kind.toString(), policy);
        }
    }

    public void removePolicy(FileAccessPolicy policy, Map<String, Object> props) {
        Object kind = props.get(FileAccessPolicy.OWNER_KIND);
        if (kind != null) {
            policies.remove(kind.toString(), policy);
        }
    }

    boolean mayRead(Connection c, SpmPrincipal caller, StoredFile f) throws SQLException {
        if (caller == null) {
            return false;
        }
        if (caller.username().equals(f.uploadedBy())) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT owner_kind, owner_ref FROM plt_file_link WHERE file_id = ?")) {
            ps.setString(1, f.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (policyAllows(rs.getString(1), caller, rs.getString(2))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean policyAllows(String kind, SpmPrincipal caller, String ref) {
        FileAccessPolicy p = policies.get(kind);
        if (p != null) {
            return p.mayRead(caller, ref);
        }
        BundleContext ctx = owner.context();
        if (ctx == null) {
            return false;
        }
        try {
            for (ServiceReference<FileAccessPolicy> r : ctx.getServiceReferences(FileAccessPolicy.class,
                    "(" + FileAccessPolicy.OWNER_KIND + "=" + kind + ")")) {
                FileAccessPolicy service = ctx.getService(r);
                if (service != null) {
                    try {
                        return service.mayRead(caller, ref);
                    } finally {
                        ctx.ungetService(r);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            LOG.warn("Owner kind {} is not a valid filter value", kind);
        }
        return false;
    }
}
