/*
 * The region map (/region/karte): progressive enhancement. Without script, or if Leaflet or the data
 * cannot load, the map stays hidden and the tables below it carry the same places. Without a tile
 * server (region.map.tiles empty) the markers sit on a plain background with the member towns'
 * centres as labelled circles. Texts from other towns go into the DOM as text, never as HTML.
 */
(function () {
    'use strict';
    var el = document.getElementById('regionskarte');
    if (!el || typeof window.L === 'undefined' || !window.fetch) {
        return;
    }

    function text(tag, value, className) {
        var node = document.createElement(tag);
        node.textContent = value;
        if (className) {
            node.className = className;
        }
        return node;
    }

    function popup(p) {
        var box = document.createElement('div');
        var link = text('a', p.name, 'kern-link');
        link.href = p.url;
        box.appendChild(link);
        box.appendChild(text('p', p.place ? p.town + ': ' + p.place : p.town, 'ok-map__popup-town'));
        return box;
    }

    function show(data) {
        el.hidden = false;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', el.dataset.label);
        var map = L.map(el, {scrollWheelZoom: false});
        if (el.dataset.tiles) {
            L.tileLayer(el.dataset.tiles, {maxZoom: 18, attribution: el.dataset.attribution || ''}).addTo(map);
        } else {
            el.classList.add('ok-map--plain');
        }
        var points = data.features.map(function (f) {
            return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        });
        // The view first: labels and popups need a map with a centre and zoom.
        if (points.length > 0) {
            map.fitBounds(points, {padding: [40, 40], maxZoom: 14});
        } else {
            map.setView([51.16, 10.45], 6);
        }
        data.features.forEach(function (f, i) {
            var p = f.properties;
            if (p.kind === 'town') {
                L.circleMarker(points[i], {radius: 12, className: 'ok-map__town'})
                    .bindTooltip(text('span', p.name), {permanent: true, direction: 'top', offset: [0, -10]})
                    .addTo(map);
            } else {
                L.marker(points[i], {alt: p.name + ' (' + p.town + ')', title: p.name, keyboard: true})
                    .bindPopup(popup(p)).addTo(map);
            }
        });
    }

    fetch(el.dataset.geojson, {headers: {Accept: 'application/geo+json'}})
        .then(function (response) {
            if (!response.ok) {
                throw new Error('map data: ' + response.status);
            }
            return response.json();
        })
        .then(show)
        .catch(function () {
            el.hidden = true;
        });
})();
