// A sigma v3 edge program for relations inferred by the analyst: a straight line drawn in dashes, stopping short of
// the target when an arrow head follows (the head comes from sigma's own arrow-head program, combined below). The
// quad is built like sigma's clamped edge program; each vertex also carries its distance in screen pixels from the
// start of the line, so the fragment shader cuts the dashes at a fixed on-screen length, whatever the zoom.
// Picking is not dashed: a click in a gap still finds the relation.

import type { Attributes } from "graphology-types";
import {
  EdgeProgram,
  createEdgeArrowHeadProgram,
  createEdgeCompoundProgram,
  type EdgeProgramType,
  type ProgramInfo,
} from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";
// Dash and gap lengths in CSS pixels: the exports draw the same pattern.
import { DASH_PATTERN } from "./style.ts";

/** As sigma's arrow programs: the head is 2.5 line widths long. */
const ARROW_LENGTH_TO_THICKNESS = 2.5;

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_radius;
attribute float a_positionCoef;
attribute float a_normalCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;
uniform float u_arrowRatio;
uniform vec2 u_resolution;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = mix(a_positionStart, a_positionEnd, a_positionCoef);
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;

  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // The end vertices stop at the target's rim, less the arrow head when there is one (a_radius is 0 for none).
  // a_normal turned a quarter is the direction from the target back to the source, whichever side the vertex is.
  vec2 baseNormal = a_normal / max(length(a_normal), 1e-9);
  float webGLRadius = a_radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float headLength = a_radius > 0.0 ? webGLThickness * u_arrowRatio * 2.0 : 0.0;
  vec2 back = vec2(-baseNormal.y, baseNormal.x) * (webGLRadius + headLength) * a_positionCoef;

  vec3 clip = u_matrix * vec3(position + unitNormal * webGLThickness + back, 1);
  gl_Position = vec4(clip.xy, 0, 1);

  // Distance along the line in CSS pixels: this vertex and the line's start, projected, onto the line's direction.
  vec2 startPx = (u_matrix * vec3(a_positionStart, 1)).xy * u_resolution * 0.5;
  vec2 endPx = (u_matrix * vec3(a_positionEnd, 1)).xy * u_resolution * 0.5;
  vec2 dir = endPx - startPx;
  float dirLength = length(dir);
  v_along = dirLength > 0.0 ? dot(clip.xy * u_resolution * 0.5 - startPx, dir / dirLength) : 0.0;

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

uniform vec2 u_dash;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, u_dash.x + u_dash.y) > u_dash.x) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = [
  "u_matrix",
  "u_zoomRatio",
  "u_sizeRatio",
  "u_correctionRatio",
  "u_pixelRatio",
  "u_feather",
  "u_minEdgeThickness",
  "u_arrowRatio",
  "u_resolution",
  "u_dash",
] as const;

type Uniform = (typeof UNIFORMS)[number];

function createDashedLineProgram<N extends Attributes, E extends Attributes, G extends Attributes>(withHead: boolean) {
  return class EdgeDashedLineProgram extends EdgeProgram<Uniform, N, E, G> {
    getDefinition() {
      return {
        VERTICES: 6,
        VERTEX_SHADER_SOURCE: VERTEX_SHADER,
        FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
        METHOD: WebGLRenderingContext.TRIANGLES,
        UNIFORMS,
        ATTRIBUTES: [
          { name: "a_positionStart", size: 2, type: FLOAT },
          { name: "a_positionEnd", size: 2, type: FLOAT },
          { name: "a_normal", size: 2, type: FLOAT },
          { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: "a_radius", size: 1, type: FLOAT },
        ],
        // (position 0 = start, 1 = end; normal side +1 or -1): two triangles making the line's quad.
        CONSTANT_ATTRIBUTES: [
          { name: "a_positionCoef", size: 1, type: FLOAT },
          { name: "a_normalCoef", size: 1, type: FLOAT },
        ],
        CONSTANT_DATA: [
          [0, 1],
          [0, -1],
          [1, 1],
          [1, 1],
          [0, -1],
          [1, -1],
        ],
      };
    }

    processVisibleItem(
      edgeIndex: number,
      startIndex: number,
      sourceData: NodeDisplayData,
      targetData: NodeDisplayData,
      data: EdgeDisplayData,
    ): void {
      const thickness = data.size || 1;
      const dx = targetData.x - sourceData.x;
      const dy = targetData.y - sourceData.y;
      const length = Math.hypot(dx, dy);
      const n1 = length ? (-dy / length) * thickness : 0;
      const n2 = length ? (dx / length) * thickness : 0;
      const array = this.array;
      array[startIndex] = sourceData.x;
      array[startIndex + 1] = sourceData.y;
      array[startIndex + 2] = targetData.x;
      array[startIndex + 3] = targetData.y;
      array[startIndex + 4] = n1;
      array[startIndex + 5] = n2;
      array[startIndex + 6] = floatColor(data.color);
      array[startIndex + 7] = edgeIndex;
      array[startIndex + 8] = withHead ? targetData.size || 1 : 0;
    }

    setUniforms(params: RenderParams, { gl, uniformLocations: u }: ProgramInfo<Uniform>): void {
      gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
      gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
      gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
      gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
      gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
      gl.uniform1f(u.u_feather, params.antiAliasingFeather);
      gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
      gl.uniform1f(u.u_arrowRatio, ARROW_LENGTH_TO_THICKNESS);
      gl.uniform2f(u.u_resolution, params.width, params.height);
      gl.uniform2f(u.u_dash, DASH_PATTERN[0], DASH_PATTERN[1]);
    }
  };
}

/** A dashed line with no head, for symmetric relations. */
export function dashedLineProgram<N extends Attributes, E extends Attributes, G extends Attributes>(): EdgeProgramType<
  N,
  E,
  G
> {
  return createDashedLineProgram<N, E, G>(false) as unknown as EdgeProgramType<N, E, G>;
}

/** A dashed line and sigma's arrow head at the target, for directed relations. */
export function dashedArrowProgram<N extends Attributes, E extends Attributes, G extends Attributes>(): EdgeProgramType<
  N,
  E,
  G
> {
  const head = createEdgeArrowHeadProgram<N, E, G>({ lengthToThicknessRatio: ARROW_LENGTH_TO_THICKNESS });
  return createEdgeCompoundProgram<N, E, G>([
    createDashedLineProgram<N, E, G>(true) as unknown as EdgeProgramType<N, E, G>,
    head,
  ]);
}
