package org.smartproperty.developer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperInput;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.EstateMatch;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.rest.Doc;
import org.smartproperty.platform.rest.RequiresPermission;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@code /api/v1/developers} as each role calls it (issue 12 item 4, DEV-1): which permission each method needs, what the
 * role templates of the contribution file give each role, and that the caller's scope (ALL, DEVELOPER, NONE) is what the
 * service filters by. The HTTP round trip with the security filter runs in the itests' shared container.
 */
class DeveloperResourceTest {

    /** The grants of META-INF/spm/developer.contributions.properties (checked against the file by the impl's contract). */
    static final Map<Role, Set<String>> GRANTS = Map.of(
            Role.REGULATOR, Set.of("developer:read", "developer:write"),
            Role.OFFICER, Set.of("developer:read", "developer:write"),
            Role.INSPECTOR, Set.of("developer:read"),
            Role.DEVELOPER, Set.of("developer:read"));

    @Test
    void everyMethodIsDocumentedAndNeedsReadOrWrite_DEV_1() {
        Map<String, String> perms = new TreeMap<>();
        for (Method m : DeveloperResource.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(GET.class) && !m.isAnnotationPresent(POST.class) && !m.isAnnotationPresent(PUT.class)) {
                continue;
            }
            Doc doc = m.getAnnotation(Doc.class);
            assertNotNull(doc, m.getName());
            assertTrue(String.join(",", doc.requirements()).contains("DEV-1"), m.getName());
            Path path = m.getAnnotation(Path.class);
            String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : "PUT";
            perms.put(verb + " /developers" + (path == null ? "" : "/" + path.value()), m.getAnnotation(RequiresPermission.class).value());
        }
        assertEquals(Map.of(
                "GET /developers", "developer:read",
                "POST /developers", "developer:write",
                "GET /developers/{id}", "developer:read",
                "PUT /developers/{id}", "developer:write",
                "POST /developers/{id}/revoke", "developer:write",
                "POST /developers/{id}/match-estates", "developer:write"), perms);
    }

    @Test
    void updatesAndRevocationTakeIfMatch() throws Exception {
        for (String name : List.of("update", "revoke")) {
            Method m = List.of(DeveloperResource.class.getDeclaredMethods()).stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            boolean ifMatch = java.util.Arrays.stream(m.getParameterAnnotations()).flatMap(java.util.Arrays::stream)
                    .anyMatch(a -> a instanceof HeaderParam h && h.value().equals(HttpHeaders.IF_MATCH));
            assertTrue(ifMatch, name);
        }
    }

    @Test
    void whatEachRoleMayCall_DEV_1() {
        assertEquals(Set.of(Role.REGULATOR, Role.OFFICER), mayCall("developer:write"));
        assertEquals(Set.of(Role.REGULATOR, Role.OFFICER, Role.INSPECTOR, Role.DEVELOPER), mayCall("developer:read"));
    }

    @Test
    void theListIsAskedInTheCallersScope_DEV_1() {
        Recording service = new Recording();
        DeveloperResource r = resource(service);
        Map<Role, DataScope> scopes = Map.of(Role.REGULATOR, DataScope.ALL, Role.OFFICER, DataScope.ALL, Role.INSPECTOR, DataScope.ALL,
                Role.DEVELOPER, DataScope.developer(42, Set.of(7L, 8L)), Role.COMPANY, DataScope.company(3));
        for (Map.Entry<Role, DataScope> e : scopes.entrySet()) {
            r.list("琴", null, "ACTIVE", "0", "20", "-name", as(e.getKey(), e.getValue()));
            assertEquals(e.getValue(), service.scopes.get(service.scopes.size() - 1), e.getKey().name());
        }
        r.list(null, null, null, null, null, null, null);
        assertEquals(DataScope.NONE, service.scopes.get(service.scopes.size() - 1), "nobody logged in: NONE");
    }

    @Test
    void badQueryParametersAre400() {
        DeveloperResource r = resource(new Recording());
        ApiException e = assertThrows(ApiException.class, () -> r.list(null, null, "GONE", "x", null, "nope", as(Role.REGULATOR, DataScope.ALL)));
        assertEquals(400, e.status());
    }

    @Test
    void withoutTheServiceEveryCallIs503() {
        DeveloperResource r = new DeveloperResource();
        ApiException e = assertThrows(ApiException.class, () -> r.list(null, null, null, null, null, null, as(Role.REGULATOR, DataScope.ALL)));
        assertEquals(503, e.status());
    }

    private static Set<Role> mayCall(String permission) {
        Set<Role> out = new java.util.HashSet<>();
        GRANTS.forEach((role, perms) -> {
            if (perms.contains(permission)) {
                out.add(role);
            }
        });
        return out;
    }

    private static DeveloperResource resource(DeveloperService service) {
        DeveloperResource r = new DeveloperResource();
        r.developerService = service;
        return r;
    }

    static SecurityContext as(Role role, DataScope scope) {
        SpmPrincipal p = new SpmPrincipal(1, "demo-" + role.name().toLowerCase(), Set.of(role), GRANTS.getOrDefault(role, Set.of()), scope,
                false, "127.0.0.1");
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return p;
            }

            @Override
            public boolean isUserInRole(String r) {
                return p.roles().stream().anyMatch(x -> x.name().equals(r));
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    /** Records the scope of each list call. */
    static final class Recording implements DeveloperService {
        final List<DataScope> scopes = new ArrayList<>();

        @Override
        public Page<Developer> list(DataScope scope, DeveloperQuery query, PageRequest page) {
            scopes.add(scope);
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }

        @Override
        public Developer get(DataScope scope, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Developer create(DeveloperInput input, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Developer update(long id, long expectedVersion, DeveloperInput input, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Developer revoke(long id, long expectedVersion, String reason, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EstateMatch matchEstates(long id, String actor) {
            throw new UnsupportedOperationException();
        }
    }
}
