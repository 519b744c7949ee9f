// A sigma v3 node program that draws each entity kind with its own shape (circle, square, diamond, triangles,
// hexagon, ring, plus, star) in one WebGL pass: one quad per node, the shape cut out in the fragment shader from
// the node's `shape` index (graph/style.ts NODE_SHAPES). Picking uses the same cut-out, so clicks hit the shape.

import type { Attributes } from "graphology-types";
import { NodeProgram, type ProgramInfo } from "sigma/rendering";
import type { NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute vec2 a_corner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
varying float v_shape;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  float extent = radius + u_correctionRatio * 2.0;
  vec2 diffVector = a_corner * extent;
  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);
  v_diffVector = diffVector;
  v_radius = radius;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
varying float v_shape;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

float triangle(vec2 p) {
  vec2 q = vec2(abs(p.x), p.y + 0.15);
  return max(q.x * 0.866 + q.y * 0.5 - 0.58, -q.y - 0.58);
}

// Signed distance to the shape, in units of the node's radius: negative inside.
float shapeDistance(vec2 p, float shape) {
  if (shape < 0.5) return length(p) - 1.0;
  if (shape < 1.5) { vec2 d = abs(p) - vec2(0.84); return max(d.x, d.y); }
  if (shape < 2.5) return (abs(p.x) + abs(p.y) - 1.0) * 0.7071;
  if (shape < 3.5) return triangle(p);
  if (shape < 4.5) return triangle(vec2(p.x, -p.y));
  if (shape < 5.5) { vec2 q = abs(p); return max(q.x * 0.866 + q.y * 0.5, q.y) - 0.92; }
  if (shape < 6.5) return abs(length(p) - 0.7) - 0.3;
  if (shape < 7.5) {
    vec2 q = abs(p);
    return min(max(q.x - 1.0, q.y - 0.36), max(q.x - 0.36, q.y - 1.0));
  }
  float seg = 6.2831853 / 5.0;
  float a = atan(p.x, p.y) + seg * 0.5;
  float t = abs(mod(a, seg) - seg * 0.5) / (seg * 0.5);
  return (length(p) - mix(1.0, 0.45, t)) * 0.7;
}

void main(void) {
  float border = u_correctionRatio * 2.0;
  float dist = shapeDistance(v_diffVector / v_radius, v_shape) * v_radius + border;

  #ifdef PICKING_MODE
  if (dist > border) gl_FragColor = transparent;
  else gl_FragColor = v_color;
  #else
  float t = 0.0;
  if (dist > border) t = 1.0;
  else if (dist > 0.0) t = dist / border;
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_matrix"] as const;

type Uniform = (typeof UNIFORMS)[number];

export default class NodeShapeProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeProgram<Uniform, N, E, G> {
  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS,
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_size", size: 1, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_shape", size: 1, type: FLOAT },
      ],
      CONSTANT_ATTRIBUTES: [{ name: "a_corner", size: 2, type: FLOAT }],
      CONSTANT_DATA: [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, -1],
        [1, 1],
        [-1, 1],
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData & { shape?: number }): void {
    const array = this.array;
    array[startIndex] = data.x;
    array[startIndex + 1] = data.y;
    array[startIndex + 2] = data.size;
    array[startIndex + 3] = floatColor(data.color);
    array[startIndex + 4] = nodeIndex;
    array[startIndex + 5] = data.shape ?? 0;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>): void {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}
