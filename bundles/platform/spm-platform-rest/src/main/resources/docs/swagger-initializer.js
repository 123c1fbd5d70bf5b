// The interactive API page of /api/v1/docs (issue 11 item 3). A file of its own: the page's
// Content-Security-Policy allows scripts from this server only, never inline.
window.addEventListener("load", function () {
  var ui = SwaggerUIBundle({
    url: "@BASE@/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // POST /auth/login from this page authorizes the page with the token it returns
    responseInterceptor: function (res) {
      try {
        if (res && res.ok && res.url && /\/auth\/login$/.test(res.url.split("?")[0])) {
          var body = res.obj || JSON.parse(res.text || res.data || "{}");
          if (body && body.token) {
            ui.preauthorizeApiKey("@SCHEME@", body.token);
          }
        }
      } catch (e) {
        // not a login answer we understand: the Authorize button still takes a pasted token
      }
      return res;
    }
  });
  window.ui = ui;
});
