// Starts Swagger UI on /api. A file of its own, not inline: the page's policy allows no inline script.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v2/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The default asks an outside validator for a badge; nothing leaves this site.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
